/** Turns the benchmark's results into tables on stdout and a list of checked targets. */

const fixed = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–')

function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)))
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ')
  console.log(line(headers))
  console.log(widths.map((w) => '─'.repeat(w)).join('  '))
  for (const r of rows) console.log(line(r))
}

function find(report, contender, type) {
  const entry = report.contenders.find((c) => c.contender === contender)
  return entry?.results?.find((r) => r.type === type)
}

/** A ratio against its target. `higher`: the ratio must be at least the target; otherwise at most. */
function target(name, value, goal, higher = true) {
  const pass = Number.isFinite(value) ? (higher ? value >= goal : value <= goal) : undefined
  return { name, value, target: `${higher ? '≥' : '≤'} ${goal}`, pass }
}

/** Prints every table and returns the checked targets. */
export function printReport(report) {
  const { machine } = report
  console.log(`\nVitrine benchmark — ${report.date}`)
  console.log(`${machine.cpu} × ${machine.cpus}, Node ${machine.node}, ${machine.platform}`)
  const chromium = report.contenders.find((c) => c.contender === 'chromium')?.info?.chromium
  const versions = { ...report.versions, ...(chromium ? { Chromium: chromium } : {}) }
  console.log(Object.entries(versions).filter(([, v]) => v).map(([k, v]) => `${k} ${v}`).join(', '))
  console.log(machine.pinnedToOneCpu ? 'Single-core parts pinned to CPU 0 (taskset), browsers included.' : 'Single-core parts not pinned (they may use every core).')

  for (const c of report.contenders.filter((c) => c.error)) console.log(`\n${c.contender}: FAILED (${c.error})`)

  const results = report.contenders.flatMap((c) => c.results ?? [])
  if (results.length > 0) {
    console.log(`\nCard 1080x1080, ${results[0].images} rows each, one after another\n`)
    table(
      ['contender', 'type', 'ms/image', 'images/s', 'p50 ms', 'p95 ms', 'KB/image'],
      results.map((r) => [r.label, r.type === 'jpeg' ? `jpeg q${r.quality}` : r.type, fixed(r.msPerImage), fixed(r.imagesPerSecond), fixed(r.p50Ms), fixed(r.p95Ms), Math.round(r.meanBytes / 1024)]),
    )
    for (const r of results.filter((r) => r.note)) console.log(`  note (${r.label}, ${r.type}): ${r.note}`)
  }

  const vitrine = results.filter((r) => r.contender === 'vitrine')
  if (vitrine.length > 0) {
    console.log('\nVitrine, where the time goes (ms/image; drawing is forced to rasterise by reading a pixel back)\n')
    table(
      ['type', 'resolve', 'draw+raster', 'encode', 'other', 'total', 'encoder alone', 'total/encoder', 'Skia alone', '(Skia+enc)/enc'],
      vitrine.map((r) => {
        const p = r.phasesMsPerImage ?? {}
        const other = r.msPerImage - (p.resolveMs ?? 0) - (p.drawMs ?? 0) - (p.encodeMs ?? 0)
        const encoder = r.encoderAlone?.msPerImage
        return [r.type, fixed(p.resolveMs, 2), fixed(p.drawMs, 2), fixed(p.encodeMs, 2), fixed(other, 2), fixed(r.msPerImage, 2), fixed(encoder, 2), fixed(r.msPerImage / encoder, 2), fixed(p.skiaAloneMs, 2), fixed((p.skiaAloneMs + encoder) / encoder, 2)]
      }),
    )
    if (vitrine.some((r) => r.phasesMsPerImage?.skiaAloneMs !== undefined)) {
      console.log('  Skia alone: the Canvas 2D calls Vitrine made for each card, recorded and replayed straight on @napi-rs/canvas')
      console.log('  (no Vitrine code between them). (Skia+enc)/enc is the lowest total/encoder any Skia pipeline drawing this card could reach.')
    }
  }
  const satori = results.filter((r) => r.contender === 'satori')
  if (satori.length > 0) {
    console.log('\nsatori + resvg, where the time goes (ms/image)\n')
    table(
      ['type', 'satori (layout → SVG)', 'resvg (rasterise)', 'encode'],
      satori.map((r) => [r.type, fixed(r.phasesMsPerImage.layoutMs), fixed(r.phasesMsPerImage.rasteriseMs), fixed(r.phasesMsPerImage.encodeMs)]),
    )
  }

  const targets = []
  const speedUp = (a, b) => (a && b ? b.msPerImage / a.msPerImage : NaN)
  const vp = find(report, 'vitrine', 'png')
  const vj = find(report, 'vitrine', 'jpeg')
  if (vp && find(report, 'chromium', 'png')) targets.push(target('Vitrine PNG vs Chromium PNG (× faster)', speedUp(vp, find(report, 'chromium', 'png')), 5))
  if (vp && find(report, 'satori', 'png')) targets.push(target('Vitrine PNG vs satori+resvg PNG (× faster)', speedUp(vp, find(report, 'satori', 'png')), 2))
  if (vj && find(report, 'chromium', 'jpeg')) targets.push(target('Vitrine JPEG vs Chromium JPEG (× faster)', speedUp(vj, find(report, 'chromium', 'jpeg')), 3))
  if (vj && find(report, 'satori', 'jpeg')) {
    const r = speedUp(vj, find(report, 'satori', 'jpeg'))
    targets.push({ name: 'Vitrine JPEG vs satori+resvg+sharp JPEG (× faster)', value: r, target: '(none)', pass: undefined })
  }
  for (const r of vitrine) {
    if (r.encoderAlone) targets.push(target(`Vitrine ${r.type.toUpperCase()} end to end / encoder alone`, r.msPerImage / r.encoderAlone.msPerImage, 1.3, false))
  }

  const pool = report.pool
  if (pool && !pool.error) {
    const oneLabel = pool.pinnedOne ? 'concurrency 1 (the calling thread alone) pinned to one CPU' : 'concurrency 1 (the calling thread alone)'
    const rowsOf = (type) => (typeof pool.rows === 'number' ? pool.rows : pool.rows[type])
    const types = [...new Set(pool.runs.map((r) => r.type))]
    console.log(`\nWorker pool: renderBatch over ${types.map((type) => `${rowsOf(type)} ${type.toUpperCase()} rows`).join(' and ')} per rendering thread (files and manifest written), ${oneLabel} vs concurrency 2 (the calling thread and a worker thread, twice the rows) on every CPU; the best of ${pool.repeats ?? 1} turn${(pool.repeats ?? 1) === 1 ? '' : 's'} in the table\n`)
    const rows = pool.runs.map((r) => {
      const one = pool.runs.find((o) => o.type === r.type && o.workers === 1)
      return [r.type, r.workers, fixed(r.totalMs / 1000, 2), fixed(r.msPerImage), fixed(r.imagesPerSecond), fixed(r.steadyImagesPerSecond), fixed(r.imagesPerSecond / one.imagesPerSecond, 2), fixed(r.steadyImagesPerSecond / one.steadyImagesPerSecond, 2)]
    })
    // The ceiling: two one-worker batches at once, one per CPU; their rates add up.
    const ceilingOf = (type) => {
      const parts = (pool.ceiling ?? []).map((runs) => runs.find((r) => r.type === type)).filter(Boolean)
      if (parts.length < 2) return undefined
      const sum = (key) => parts.reduce((total, r) => total + r[key], 0)
      return { type, images: sum('images'), totalMs: Math.max(...parts.map((r) => r.totalMs)), imagesPerSecond: sum('imagesPerSecond'), steadyImagesPerSecond: sum('steadyImagesPerSecond') }
    }
    for (const type of types) {
      const c = ceilingOf(type)
      const one = pool.runs.find((o) => o.type === type && o.workers === 1)
      if (c && one) rows.push([type, '2 × 1 apart', fixed(c.totalMs / 1000, 2), fixed(1000 / c.imagesPerSecond), fixed(c.imagesPerSecond), fixed(c.steadyImagesPerSecond), fixed(c.imagesPerSecond / one.imagesPerSecond, 2), fixed(c.steadyImagesPerSecond / one.steadyImagesPerSecond, 2)])
    }
    table(['type', 'concurrency', 'seconds', 'ms/image', 'images/s', 'steady images/s', 'speed-up', 'steady speed-up'], rows)
    if (pool.ceiling) {
      console.log('  "2 × 1 apart": two separate processes, each a concurrency-1 batch pinned to its own CPU, at the same time:')
      console.log('  nothing is shared between them, so their combined rate is what this machine allows two renderers.')
    }
    // Every turn's steady rates, for the spread the best turns hide.
    if ((pool.turns?.length ?? 0) > 1) {
      const steady = (runs, type) => runs?.find((r) => r.type === type)?.steadyImagesPerSecond
      console.log("  steady images/s turn by turn (concurrency 1 / 2 / 2 × 1 apart, and the turn's own ratio of 2 to 1):")
      for (const type of types) {
        const turns = pool.turns.map((t) => {
          const apart = t.ceiling.length === 2 ? t.ceiling.reduce((sum, runs) => sum + (steady(runs, type) ?? NaN), 0) : undefined
          const rates = [steady(t.one, type), steady(t.two, type), apart].filter((v) => v !== undefined).map((v) => fixed(v)).join(' / ')
          const cpu = t.oneCpu === undefined ? '' : `, 1 on CPU ${t.oneCpu}`
          return `${rates} (${fixed(steady(t.two, type) / steady(t.one, type), 2)}${cpu})`
        })
        console.log(`    ${type}: ${turns.join(', ')}`)
      }
    }
    for (const two of pool.runs.filter((r) => r.workers === 2)) {
      const one = pool.runs.find((o) => o.type === two.type && o.workers === 1)
      const bestRatio = two.steadyImagesPerSecond / one.steadyImagesPerSecond
      // The machine's speed drifts by 10-20 % from minute to minute, and the best turns of one
      // thread and of two may come from different minutes: the target is read on the median of
      // each turn's own ratio (two threads over one, run one after the other).
      const turnRatios = (pool.turns ?? [])
        .map((t) => (t.two?.find((r) => r.type === two.type)?.steadyImagesPerSecond ?? NaN) / (t.one?.find((r) => r.type === two.type)?.steadyImagesPerSecond ?? NaN))
        .filter(Number.isFinite)
        .sort((a, b) => a - b)
      const median = turnRatios.length === 0 ? bestRatio : turnRatios.length % 2 ? turnRatios[(turnRatios.length - 1) / 2] : (turnRatios[turnRatios.length / 2 - 1] + turnRatios[turnRatios.length / 2]) / 2
      const turnsText = turnRatios.length > 1 ? `median of ${turnRatios.length} turns` : 'one turn'
      targets.push(target(`Pool ${two.type.toUpperCase()}: concurrency 2 vs 1 (× throughput, steady, ${turnsText})`, median, 1.8))
      targets.push({ name: `  best turn of 2 vs best turn of 1 (steady)`, value: bestRatio, target: '(none)', pass: undefined })
      // Then the whole batch with start-up.
      targets.push({ name: `  whole batch of ${rowsOf(two.type)} rows per thread, start-up included`, value: two.imagesPerSecond / one.imagesPerSecond, target: '(none)', pass: undefined })
      const c = ceilingOf(two.type)
      if (c) {
        // Steady, as the target and the share are: start-up is left out of all three.
        targets.push({ name: `  the machine's ceiling, 2 processes apart vs 1 (steady, best turns)`, value: c.steadyImagesPerSecond / one.steadyImagesPerSecond, target: '(none)', pass: undefined })
        targets.push({ name: `  pool's share of that ceiling (steady, best turns)`, value: two.steadyImagesPerSecond / c.steadyImagesPerSecond, target: '(none)', pass: undefined })
      }
    }
  } else if (pool?.error) console.log(`\nWorker pool: FAILED (${pool.error})`)

  const memory = report.memory
  if (memory && !memory.error) {
    console.log(`\nMemory: ${memory.renders} ${memory.type} renders in one process (${fixed(memory.msPerImage)} ms/image)\n`)
    const marks = Object.entries(memory.rssMbAt)
    const heapAtEnd = Object.values(memory.jsHeapMbAt ?? {}).at(-1)
    const live = memory.live && !memory.live.error ? memory.live : undefined
    if (memory.live?.error) console.log(`  live-memory run: FAILED (${memory.live.error})`)
    table(
      ['RSS', ...marks.map(([n]) => `@${n}`), 'peak', `slope from @${marks[0][0]}`, `slope from @${marks[1][0]}`, `JS heap @${memory.renders}`],
      [
        [
          'as it runs',
          ...marks.map(([, mb]) => `${fixed(mb)} MB`),
          `${fixed(memory.peakRssMb)} MB`,
          `${fixed(memory.slopeMbPer1000Renders, 2)} MB/1000`,
          `${fixed(memory.secondHalfSlopeMbPer1000Renders, 2)} MB/1000`,
          `${fixed(heapAtEnd)} MB`,
        ],
        ...(live
          ? [
              [
                'live (after a full GC)',
                ...marks.map(([n]) => `${fixed(live.rssMbAt[n])} MB`),
                '',
                `${fixed(live.slopeMbPer1000Renders, 2)} MB/1000`,
                `${fixed(live.secondHalfSlopeMbPer1000Renders, 2)} MB/1000`,
                '',
              ],
            ]
          : []),
      ],
    )
    if (live) console.log(`  live: a second run of the same renders, reading RSS right after a forced full collection every ${live.every} renders;\n  a leak survives the collection, the JS heap's rise and fall does not.`)
    targets.push({ name: 'Memory: peak RSS over the run (MB)', value: memory.peakRssMb, target: '(none)', pass: undefined })
    if (live) {
      targets.push(target('Memory: live RSS slope, second half (MB per 1000 renders)', live.secondHalfSlopeMbPer1000Renders, 5, false))
      targets.push({ name: '  RSS slope as it runs, second half', value: memory.secondHalfSlopeMbPer1000Renders, target: '(none)', pass: undefined })
    } else targets.push(target('Memory: RSS slope, second half (MB per 1000 renders)', memory.secondHalfSlopeMbPer1000Renders, 5, false))
  } else if (memory?.error) console.log(`\nMemory: FAILED (${memory.error})`)

  if (targets.length > 0) {
    console.log('\nSummary\n')
    table(
      ['measure', 'value', 'target', ''],
      targets.map((t) => [t.name, fixed(t.value, 2), t.target, t.pass === undefined ? '' : t.pass ? 'met' : 'MISSED']),
    )
  }
  return targets
}

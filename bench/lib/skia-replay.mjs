/**
 * Records the Canvas 2D calls that `renderFrame` makes, then replays them straight on
 * `@napi-rs/canvas`, with no Vitrine code in between: what Skia alone needs to draw the card.
 * The difference between Vitrine's draw time and the replay's is Vitrine's own overhead; the
 * replay itself is the floor any pipeline drawing the same card with Skia pays.
 */

/** A tape of calls and property writes on one main surface and the scratch surfaces it used. */
export function createRecorder(platform) {
  const tape = []
  const ids = new Map() // real canvas or gradient → id
  let next = 1

  const value = (v) => (v !== null && typeof v === 'object' && ids.has(v) ? { ref: ids.get(v) } : v)

  function recordingContext(context, surfaceId) {
    return new Proxy(context, {
      get(target, prop) {
        const member = target[prop]
        if (typeof member !== 'function') return member
        return (...args) => {
          const result = member.apply(target, args)
          const entry = { op: 'call', on: surfaceId, name: prop, args: args.map(value) }
          if (result !== null && typeof result === 'object' && (prop === 'createLinearGradient' || prop === 'createRadialGradient' || prop === 'createPattern')) {
            const id = next++
            ids.set(result, id)
            entry.result = id
            if (typeof result.addColorStop === 'function') {
              const add = result.addColorStop.bind(result)
              result.addColorStop = (offset, color) => {
                tape.push({ op: 'call', on: id, name: 'addColorStop', args: [offset, color] })
                add(offset, color)
              }
            }
          }
          tape.push(entry)
          return result
        }
      },
      set(target, prop, v) {
        tape.push({ op: 'set', on: surfaceId, name: prop, value: value(v) })
        target[prop] = v
        return true
      },
    })
  }

  function wrap(surface, id) {
    ids.set(surface.canvas, id)
    return { width: surface.width, height: surface.height, canvas: surface.canvas, context: recordingContext(surface.context, id) }
  }

  return {
    tape,
    /** The main surface, recording. */
    surface: (surface) => wrap(surface, 0),
    /** An image lookup whose scratch surfaces record too. */
    images: (images) => ({
      get: (key) => images.get(key),
      contentBounds: (key) => images.contentBounds?.(key),
      createSurface: (width, height, options) => {
        const id = next++
        tape.push({ op: 'surface', id, width, height, options })
        return wrap(platform.createSurface(width, height, options), id)
      },
    }),
  }
}

/** Replays a tape onto `surface` (the main one); scratch surfaces are made afresh, as when drawing. */
export function replay(tape, surface, platform) {
  const objects = new Map([[0, { context: surface.context, canvas: surface.canvas }]])
  const resolveValue = (v) => (v !== null && typeof v === 'object' && 'ref' in v ? (objects.get(v.ref)?.canvas ?? objects.get(v.ref)?.object) : v)
  for (const entry of tape) {
    if (entry.op === 'surface') {
      const s = platform.createSurface(entry.width, entry.height, entry.options)
      objects.set(entry.id, { context: s.context, canvas: s.canvas })
    } else if (entry.op === 'set') {
      objects.get(entry.on).context[entry.name] = resolveValue(entry.value)
    } else {
      const target = objects.get(entry.on)
      const on = target.context ?? target.object
      const result = on[entry.name](...entry.args.map(resolveValue))
      if (entry.result !== undefined) objects.set(entry.result, { object: result })
    }
  }
}

// The worker-thread entry of the lint pool (loaded by piscina). Each worker builds one
// LintRowChecker from the batch setup and keeps it, with its fonts and surfaces, for its life.
import './allocator-settings.js'
import { workerData } from 'piscina'
import { LintRowChecker, type LintRowJob, type LintRowResult, type LintRowSetup } from './lint-row-checker.js'

const checker = new LintRowChecker(workerData as LintRowSetup)

/** Checks one row in this worker. */
export default function checkRow(job: LintRowJob): Promise<LintRowResult> {
  return checker.check(job)
}

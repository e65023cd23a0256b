// Settings for the memory allocator inside @napi-rs/canvas, which must be in the environment
// before that module is first loaded: every entry of this package imports this file first.
//
// The Skia module links mimalloc, which reads its options once, when it loads. Each read-back
// of a frame's pixels (`canvas.data()`: 8 MB at 1080x1920) is a fresh allocation, freed only
// when V8 collects the Buffer, by then usually more than mimalloc's default 10 ms later; so the
// freed memory has gone back to the system and the next frame faults it in and zeroes it again.
// Keeping freed memory for a second lets the next frames reuse it. Measured on the 15 s video
// ad: page faults fall to about half, system CPU time by a third; see docs/video.md.
//
// A value already set (by the user, for this process) is kept; MIMALLOC_PURGE_DELAY=10 is
// mimalloc's own default.

/** The purge delay, in milliseconds, Vitrine sets when the environment sets none. */
export const MIMALLOC_PURGE_DELAY_MS = 1000

process.env.MIMALLOC_PURGE_DELAY ??= String(MIMALLOC_PURGE_DELAY_MS)

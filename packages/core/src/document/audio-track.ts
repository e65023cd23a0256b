import { Type, type Static } from '@sinclair/typebox'

/** A music bed under the whole timeline. */
export const AudioTrackSchema = Type.Object(
  {
    /** URL or path (relative to the template) of an audio file: MP3, AAC/M4A, WAV, Ogg, Opus or FLAC. */
    src: Type.String({ minLength: 1 }),
    /** Gain, 1 = as recorded; default 1. */
    volume: Type.Optional(Type.Number({ minimum: 0, maximum: 4 })),
    /** Seconds of fade from silence at the start; default 0. */
    fadeIn: Type.Optional(Type.Number({ minimum: 0 })),
    /** Seconds of fade to silence at the end; default 0. */
    fadeOut: Type.Optional(Type.Number({ minimum: 0 })),
    /** The part of the file to play, in seconds of the file; default all of it. */
    trim: Type.Optional(
      Type.Object(
        { start: Type.Optional(Type.Number({ minimum: 0 })), end: Type.Optional(Type.Number({ exclusiveMinimum: 0 })) },
        { additionalProperties: false },
      ),
    ),
    /** Play the (trimmed) file again when it ends before the timeline does; default false. */
    loop: Type.Optional(Type.Boolean()),
  },
  { title: 'AudioTrack', additionalProperties: false },
)
export type AudioTrack = Static<typeof AudioTrackSchema>

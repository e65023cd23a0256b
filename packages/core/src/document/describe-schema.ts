import { Kind, type TSchema } from '@sinclair/typebox'

/** A short phrase for what a schema accepts, for error messages ("a hex colour", "one of cover, contain"). */
export function describeSchema(schema: TSchema): string {
  const title = schema.title as string | undefined
  if (title === 'HexColor') return 'a hex colour like "#1a2b3c"'
  if (title === 'Color') return 'a hex colour like "#1a2b3c" or a binding like {"var": "brandColor"}'
  if (title === 'Length') return 'a length: a number (design px) or a string like "50%", "10vmin", "24px"'
  if (title === 'Binding') return 'a binding like {"var": "name"}'
  if (title === 'Paint') return 'a hex colour, a binding, or a linear-gradient / radial-gradient object'
  if (title === 'CornerRadius') return 'a length or four lengths'
  // Unions described as a whole (e.g. Easing) read better than their members one by one.
  if (schema[Kind] === 'Union' && typeof schema.description === 'string') return schema.description.replace(/\.$/, '')
  switch (schema[Kind]) {
    case 'Literal':
      return JSON.stringify(schema.const)
    case 'Union': {
      const members = (schema.anyOf as TSchema[]) ?? []
      if (members.every((m) => m[Kind] === 'Literal')) return 'one of ' + members.map((m) => JSON.stringify(m.const)).join(', ')
      return members.map(describeSchema).join(' or ')
    }
    case 'String': {
      if (typeof schema.description === 'string') return schema.description.replace(/\.$/, '')
      if (schema.pattern) return `a string matching ${schema.pattern}`
      if (schema.minLength) return 'a non-empty string'
      return 'a string'
    }
    case 'Number':
    case 'Integer': {
      const noun = schema[Kind] === 'Integer' ? 'an integer' : 'a number'
      const min = schema.minimum ?? schema.exclusiveMinimum
      const max = schema.maximum ?? schema.exclusiveMaximum
      if (min !== undefined && max !== undefined) return schema.exclusiveMinimum !== undefined ? `${noun} above ${min} and at most ${max}` : `${noun} from ${min} to ${max}`
      if (min !== undefined) return `${noun} ${schema.exclusiveMinimum !== undefined ? 'above' : 'of at least'} ${min}`
      if (max !== undefined) return `${noun} of at most ${max}`
      return noun
    }
    case 'Boolean':
      return 'true or false'
    case 'Array':
    case 'Tuple':
      return 'an array'
    case 'Object':
    case 'Record':
      return title ? `an object (${title})` : 'an object'
    default:
      return title ?? 'a valid value'
  }
}

import { Type } from 'typebox';

/** What an API answered to a try from its page (`POST /v1/dataservices/{id}/try`). */
export const TryAnswer = Type.Object({
  status: Type.Integer({ description: "The API's HTTP status" }),
  headers: Type.Record(Type.String(), Type.String(), { description: 'The response headers fedcat passes on' }),
  body: Type.String({ description: 'The body, as text or (bodyEncoding base64) as base64' }),
  bodyEncoding: Type.Union([Type.Literal('utf8'), Type.Literal('base64')]),
  timeMs: Type.Integer({ description: 'How long the API took to answer, in milliseconds' }),
}, { $id: 'TryAnswer' });

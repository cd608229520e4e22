import { Type } from 'typebox';

// developer.overheid.nl's API register shapes (don-api-register-openapi.json, API register API v1 1.0.0), as fedcat
// answers them under /v1/api-register/: ApiSummary and ApiDetail.

const Str = Type.String();
const Contact = Type.Object({ email: Str, name: Str, url: Str });
const Lifecycle = Type.Object({
  status: Type.Union(['active', 'deprecated', 'sunset', 'retired'].map((s) => Type.Literal(s))), version: Str,
  deprecated: Type.Optional(Type.String({ description: 'date' })), sunset: Type.Optional(Type.String({ description: 'date' })),
});

export const RegisterApiSummary = Type.Object({
  id: Type.String({ description: "fedcat's record id of the data service" }),
  contact: Contact,
  title: Str,
  description: Str,
  organisation: Type.Object({ uri: Str, label: Str }),
  adrScore: Type.Union([Type.Number({ minimum: 0, maximum: 100 }), Type.Null()]),
  lifecycle: Lifecycle,
}, { $id: 'RegisterApiSummary', description: "An API as the API register's ApiSummary" });

export const RegisterApiDetail = Type.Object({
  ...RegisterApiSummary.properties,
  oasUrl: Type.Union([Str, Type.Null()]),
  auth: Type.Array(Str),
  docsUrl: Type.Union([Str, Type.Null()]),
  servers: Type.Array(Type.Object({ url: Str, description: Str })),
}, { $id: 'RegisterApiDetail', description: "An API as the API register's ApiDetail" });

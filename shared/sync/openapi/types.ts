/** A JSON value: what an OpenAPI document is made of. */
export type JsonValue = string | number | boolean | null | JsonValue[] | OpenApiObject;
export interface OpenApiObject {
  [key: string]: JsonValue;
}

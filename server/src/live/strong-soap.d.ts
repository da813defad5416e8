// The parts of strong-soap this room uses (it ships no types). Imported by file, not by its index,
// which loads its parts by computed paths that a bundle cannot follow.
declare module 'strong-soap/src/soap' {
  export function createClient(url: string, options: object, callback: (error: Error | null, client: unknown) => void): void;
}
declare module 'strong-soap/src/parser/qname' {
  export default class QName {
    constructor(nsURI: string, name: string);
  }
}
declare module 'strong-soap/src/http' {
  export default class HttpClient {
    constructor(options: object);
    request(url: string, data: unknown, callback: (error: unknown, response?: unknown, body?: string) => void, headers?: object, options?: object): unknown;
  }
}

// The SOAP 1.1 envelope's namespace.
export const SOAP_ENV = 'http://schemas.xmlsoap.org/soap/envelope/';

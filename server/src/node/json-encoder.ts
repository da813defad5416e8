// The stdio writer's encoder: messages as JSON, as vscode-jsonrpc's own encoder writes them, except
// that params encoded already (a large report, serialized in slices: lsp/report-steps.ts) are
// written as they are instead of being serialized again in one piece.
import type { ContentTypeEncoder, ContentTypeEncoderOptions, Message } from 'vscode-languageserver/node';
import { EncodedParams } from '../lsp/report-steps';

export const jsonEncoder: ContentTypeEncoder = {
  name: 'application/json',
  encode(message: Message, options: ContentTypeEncoderOptions): Promise<Uint8Array> {
    try {
      const { params, ...rest } = message as Message & { params?: unknown };
      const text =
        params instanceof EncodedParams ? `${JSON.stringify(rest).slice(0, -1)},"params":${params.json}}` : JSON.stringify(message, undefined, 0);
      return Promise.resolve(Buffer.from(text, options.charset));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  },
};

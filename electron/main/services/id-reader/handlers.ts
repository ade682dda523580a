import type { HandlersFor } from '../../../../shared/api/dispatcher';
import type { idReaderMethods } from '../../../../shared/api/methods/id-reader';
import { readIdCard, type IdReaderClientOptions } from './client';

/** `idReader.read`: the station's reader, reached by the services so the renderer stays local. */
export function createIdReaderHandlers(
  opts: IdReaderClientOptions,
): HandlersFor<typeof idReaderMethods> {
  return { 'idReader.read': () => readIdCard(opts) };
}

import { z } from 'zod';
import { apiError, type ApiError } from '../../../../shared/api/errors';
import type { IdCard } from '../../../../shared/api/methods/id-reader';
import { checkIdNumber } from '../../../../shared/validators/id-number';
import { isLocalReaderUrl } from '../../../../shared/station/config';

/** How long a read may take: readers answer in about a second; the clerk should not wait. */
export const ID_READER_TIMEOUT_MS = 4000;
/** A card's answer is a few hundred bytes; anything far larger is not a reader. */
const MAX_ANSWER_BYTES = 16 * 1024;

/** The reader service's answer (docs/id-reader.md): a card, or an error code. */
const CardAnswer = z.object({
  name: z.string().trim().min(1).max(50),
  idNumber: z.string().trim(),
  address: z.string().trim().max(200),
  sex: z.enum(['男', '女']).optional(),
  /** YYYYMMDD as printed on the card. */
  birth: z
    .string()
    .regex(/^\d{8}$/)
    .optional(),
});
const ErrorAnswer = z.object({ error: z.string().max(40) });

export const readerErrors = {
  notConfigured: () =>
    apiError(
      'UNAVAILABLE',
      '此服务台未配置身份证阅读器（站点设置“身份证阅读器地址”），请手工录入',
      'No ID card reader is set up for this station (station setting "ID card reader address"); type the details in',
    ),
  notLocal: () =>
    apiError(
      'UNAVAILABLE',
      '身份证阅读器地址必须是本机地址（http://127.0.0.1），已拒绝读卡；请由值班主管在站点设置中修改',
      'The ID card reader address must be on this machine (http://127.0.0.1); reading refused. A supervisor changes it under Station settings',
    ),
  unreachable: () =>
    apiError(
      'UNAVAILABLE',
      '无法连接身份证阅读器服务，请检查阅读器软件是否已启动，或手工录入',
      'Cannot reach the ID card reader service; check that the reader software is running, or type the details in',
    ),
  noDevice: () =>
    apiError(
      'UNAVAILABLE',
      '身份证阅读器未连接，请检查阅读器的连接线，或手工录入',
      'The ID card reader is not connected; check its cable, or type the details in',
    ),
  noCard: () =>
    apiError(
      'NOT_FOUND',
      '未读到身份证，请将身份证平放在阅读器上后再点“读卡”',
      'No ID card found; lay the card flat on the reader and press Read ID card again',
    ),
  garbage: () =>
    apiError(
      'UNAVAILABLE',
      '身份证阅读器返回的内容无法识别，请重新读卡或手工录入',
      'The ID card reader gave an answer that cannot be understood; read the card again or type the details in',
    ),
  timeout: () =>
    apiError(
      'UNAVAILABLE',
      '身份证阅读器没有及时响应，请重新读卡或手工录入',
      'The ID card reader did not answer in time; read the card again or type the details in',
    ),
} satisfies Record<string, () => ApiError>;

export interface IdReaderClientOptions {
  /** The reader service's base address (station config `idReaderUrl`); absent: no reader. */
  baseUrl?: string | undefined;
  timeoutMs?: number;
}

/** The answer's body, read at most up to the size limit (a longer body is not a reader's). */
async function boundedText(res: Response): Promise<string> {
  const text = await res.text();
  if (text.length > MAX_ANSWER_BYTES) throw readerErrors.garbage();
  return text;
}

/** A card answer turned into what the form needs; a wrong ID number makes it garbage. */
function cardOf(body: unknown): IdCard {
  const card = CardAnswer.safeParse(body);
  if (!card.success) throw readerErrors.garbage();
  const id = checkIdNumber(card.data.idNumber);
  if (!id.ok || id.value.length !== 18) throw readerErrors.garbage();
  const { name, address, sex, birth } = card.data;
  return {
    name,
    idNumber: id.value,
    address,
    ...(sex ? { sex: sex === '男' ? 'male' : 'female' } : {}),
    ...(birth ? { birth: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}` } : {}),
  };
}

/**
 * Reads the card on the desk's reader: GET `<baseUrl>/read`. Every failure is an ApiError in
 * zh-CN and en that names no card data; the address is checked by the station config already
 * (loopback only), and redirects are refused so the answer cannot come from elsewhere.
 */
export async function readIdCard(opts: IdReaderClientOptions): Promise<IdCard> {
  if (!opts.baseUrl) throw readerErrors.notConfigured();
  // The config refuses other hosts already; an override from the environment is checked here.
  if (!isLocalReaderUrl(opts.baseUrl)) throw readerErrors.notLocal();
  const url = new URL('read', opts.baseUrl.endsWith('/') ? opts.baseUrl : `${opts.baseUrl}/`);
  let text: string;
  try {
    const res = await fetch(url, {
      redirect: 'error',
      signal: AbortSignal.timeout(opts.timeoutMs ?? ID_READER_TIMEOUT_MS),
      headers: { accept: 'application/json' },
    });
    text = await boundedText(res);
  } catch (err) {
    if (err instanceof Error && err.name === 'ApiError') throw err;
    if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError'))
      throw readerErrors.timeout();
    throw readerErrors.unreachable();
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw readerErrors.garbage();
  }
  const error = ErrorAnswer.safeParse(body);
  if (error.success) {
    if (error.data.error === 'NO_CARD') throw readerErrors.noCard();
    if (error.data.error === 'NO_DEVICE') throw readerErrors.noDevice();
    throw readerErrors.garbage();
  }
  return cardOf(body);
}

import QRCode from 'qrcode';

/**
 * A QR code as a data: URL (CSP allows data: images). SVG keeps it sharp on any printer;
 * error-correction M survives a creased receipt.
 */
export async function qrDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

import { describe, expect, it } from 'vitest';
import { QueueConfigSchema } from './schemas';
import { DEFAULT_QUEUE_CONFIG } from './defaults';
import { queueQueryUrl, SlipSettingsSchema, templateProblem } from './slip';

describe('ticket slip settings', () => {
  it('accepts an https template that names the ticket', () => {
    expect(templateProblem('https://q.example.cn/queue?hall=HALL01&no={ticket}')).toBeNull();
    expect(templateProblem('https://q.example.cn/{day}/{ticket}')).toBeNull();
  });

  it('refuses plain http, a missing {ticket} and unknown placeholders', () => {
    expect(templateProblem('http://q.example.cn/?no={ticket}')).toBe('https');
    expect(templateProblem('q.example.cn/?no={ticket}')).toBe('https');
    expect(templateProblem('https://user:pw@q.example.cn/?no={ticket}')).toBe('https');
    expect(templateProblem('https://q.example.cn/queue')).toBe('ticket');
    expect(templateProblem('https://q.example.cn/?no={ticket}&id={idNumber}')).toBe('unknown');
    expect(templateProblem('https://q.example.cn/?no={ticket}&h={hall}')).toBe('unknown');
  });

  it('says what is wrong in Chinese and English', () => {
    const out = SlipSettingsSchema.safeParse({
      paperMm: 58,
      queueQueryUrl: 'http://x.cn/{ticket}',
    });
    expect(out.success).toBe(false);
    const issue = out.error?.issues[0] as { params?: { zh: string; en: string } };
    expect(issue.params?.zh).toContain('https://');
    expect(issue.params?.en).toContain('https://');
  });

  it('takes only 58 or 80 mm rolls, 80 when not said', () => {
    expect(SlipSettingsSchema.parse({}).paperMm).toBe(80);
    expect(SlipSettingsSchema.safeParse({ paperMm: 76 }).success).toBe(false);
  });

  it('fills every placeholder URL-encoded', () => {
    const url = queueQueryUrl('https://q.example.cn/q?d={day}&n={ticket}', {
      ticket: 'G01 A001&x',
      day: '2026-11-30',
    });
    expect(url).toBe('https://q.example.cn/q?d=2026-11-30&n=G01%20A001%26x');
  });

  it('keeps a hall configuration without slip settings valid', () => {
    const parsed = QueueConfigSchema.parse(DEFAULT_QUEUE_CONFIG);
    expect(parsed.slip).toBeUndefined();
    const withSlip = QueueConfigSchema.parse({
      ...DEFAULT_QUEUE_CONFIG,
      slip: { paperMm: 58, queueQueryUrl: 'https://q.example.cn/?no={ticket}' },
    });
    expect(withSlip.slip?.paperMm).toBe(58);
  });
});

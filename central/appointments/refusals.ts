import type { AppointmentErrorBody, AppointmentReason } from '../../shared/appointments/protocol';
import { errorBody } from '../errors';

export type AppointmentRefusalKind = 'notFound' | 'conflict' | 'unprocessable' | 'rateLimited';

/** A refusal with its row of central's error table; the texts never hold a phone or a code. */
export class AppointmentRefusal extends Error {
  readonly status: number;
  readonly body: AppointmentErrorBody;
  constructor(kind: AppointmentRefusalKind, reason: AppointmentReason, field?: string) {
    const [zh, en] = REASON_TEXT[reason];
    const { status, body } = errorBody(kind, zh, en);
    super(`${body.code}: ${en}`);
    this.name = 'AppointmentRefusal';
    this.status = status;
    this.body = { ...body, reason, ...(field ? { field } : {}) };
  }
}

const REASON_TEXT: Record<AppointmentReason, [string, string]> = {
  bad_mobile: [
    '手机号应为11位，以13–19开头，请核对后重新填写',
    'The mobile number must be 11 digits starting 13–19: check it and enter it again',
  ],
  no_slot: ['没有该预约时段', 'No such appointment slot'],
  slot_full: ['该时段预约已满，请选择其他时段', 'This slot is fully booked: choose another one'],
  slot_has_bookings: [
    '该时段已有预约，不能删除；可先取消预约',
    'This slot has bookings and cannot be removed: cancel them first',
  ],
  capacity_below_booked: [
    '可约人数不能少于已预约人数',
    'The capacity cannot be below the number already booked',
  ],
  not_bookable_day: [
    '该时段不在可预约范围内（已结束或超出可预约天数）',
    'This slot cannot be booked (it is over or too far ahead)',
  ],
  slot_over: ['该时段已结束', 'This slot is over'],
  not_found: [
    '未找到该预约，请核对手机号和预约码',
    'No such appointment: check the mobile number and the booking code',
  ],
  too_many_misses: [
    '核对失败次数过多，请稍后再试或到服务台办理',
    'Too many failed attempts: try again later or ask at the service desk',
  ],
  already_checked_in: ['该预约已签到', 'This appointment is already checked in'],
  no_show: [
    '该预约已超过签到时间，已记为爽约，请正常取号',
    'This appointment was missed (past its check-in time): take a regular ticket',
  ],
  cancelled: ['该预约已取消', 'This appointment was cancelled'],
  not_today: ['只能在预约当天签到', 'An appointment can only be checked in on its own day'],
  unknown_service: ['没有该业务队列', 'No such queue service'],
};

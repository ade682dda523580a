export {
  createAppointmentService,
  createStationAppointments,
  type AppointmentService,
} from './service';
export { createAppointmentHandlers } from './handlers';

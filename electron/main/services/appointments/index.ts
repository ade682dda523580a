export { createAppointmentService, type AppointmentService } from './service';
export { createAppointmentHandlers } from './handlers';

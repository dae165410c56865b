// What other modules may use from attendance.
export { type BatchResult, ingestEvents } from './attendance.service';
export { EventCounts } from './attendance.routes';

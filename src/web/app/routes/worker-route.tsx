import { WorkerAttendanceCalendar } from '../../features/attendance/components/worker-calendar';
import { WorkerProfilePage } from '../../features/workforce/components/worker-profile-page';
import { useCan } from '../../lib/session';

/** /workers/:id — the worker's profile with the attendance calendar below it. */
export function WorkerRoute() {
  const can = useCan();
  return <WorkerProfilePage extra={(w) => can('attendance.read') && <WorkerAttendanceCalendar workerId={w.id} />} />;
}

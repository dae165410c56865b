import { api } from '../../../lib/api-client';

/**
 * POST /api/cases/:id/reveal-phone: one full phone number (a complainant's on a clue, or a listed
 * worker's); the server audits each look. Not cached. The route takes no reason, so the reason the
 * reveal modal asks for is not sent (see the report to the server side).
 */
export const revealCasePhone = (id: string, target: { clueId: string } | { caseWorkerId: string }) => api.post<{ phone: string | null }>(`/api/cases/${id}/reveal-phone`, target);

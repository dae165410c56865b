import { api } from '../../../lib/api-client';

/**
 * POST /api/cases/:id/reveal-phone: one full phone number (a complainant's on a clue, or a listed
 * worker's); the server audits each look with its reason. Not cached.
 */
export const revealCasePhone = (id: string, target: ({ clueId: string } | { caseWorkerId: string }) & { reason: string }) => api.post<{ phone: string | null }>(`/api/cases/${id}/reveal-phone`, target);

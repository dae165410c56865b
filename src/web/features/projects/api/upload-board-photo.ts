import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** Replaces the photo of the site's rights-information board (JPEG or PNG). */
export const uploadBoardPhoto = ({ id, file }: { id: string; file: File }) => api.upload<void>(`/api/projects/${id}/board-photo`, file, { method: 'PUT' });

/** The photo's address; `nonce` changes after an upload so the browser does not show the cached one. */
export const boardPhotoUrl = (id: string, nonce: number) => `/api/projects/${id}/board-photo?n=${nonce}`;

export function useUploadBoardPhoto() {
  const client = useQueryClient();
  return useMutation({ mutationFn: uploadBoardPhoto, onSuccess: (_, { id }) => client.invalidateQueries({ queryKey: ['projects', 'detail', id] }) });
}

// What other modules may use from auth.
export { ENCRYPTED_COLUMNS as AUTH_ENCRYPTED_COLUMNS } from './auth.service';
export { verifySignedRequest } from './auth.service';
export { SIGNATURE_DESCRIPTION, signedRoutes } from './auth.signed';

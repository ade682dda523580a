export { createAuthService, type AuthService, type AuthOptions } from './service';
export { createAuthHandlers, byOf } from './handlers';
export { createGate } from './gate';
export { hashSecret, verifySecret, OWASP_COST, type ScryptCost } from './password';

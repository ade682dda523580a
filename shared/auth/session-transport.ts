/** The HTTP header that carries the session token (never the method input). */
export const SESSION_HEADER = 'x-hall-session';
/** Where the renderer keeps its session for this tab (sessionStorage: gone with the tab). */
export const SESSION_STORAGE_KEY = 'hall.session';

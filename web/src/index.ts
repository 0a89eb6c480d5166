// The web package (wall display, duty console, Socket.IO gateway) arrives with the wall-display issue;
// until then it only holds its place in the workspace so the layout of DESIGN §2 is complete.
export const WEB_PACKAGE = '@citybrain/web';

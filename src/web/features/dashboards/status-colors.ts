// Moved to src/shared (the portal's widgets draw the same colours on the server).
export * from '../../../shared/status-colors';

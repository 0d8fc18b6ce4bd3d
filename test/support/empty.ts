// Stands in for `server-only` outside the react-server condition (vitest).
export {};

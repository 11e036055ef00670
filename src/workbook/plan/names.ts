/** Defined names for scheme cells; an id may hold "-", which a name may not. */
const safe = (id: string) => id.replace(/[^A-Za-z0-9_]/g, "_");

export const paramName = (id: string): string => `p_${safe(id)}`;
export const gradeMinName = (id: string): string => `g_${safe(id)}_min`;
export const gradeCoefficientName = (id: string): string => `g_${safe(id)}_coef`;

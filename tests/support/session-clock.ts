// The session tests' clock and visitor: durations, a fixed starting instant and times after it,
// and the address and browser a session is opened from. Shared so that the session store's tests
// and the account pages' tests speak of the same hours and the same person.
export const MINUTE = 60 * 1000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const T0 = new Date("2025-06-02T08:00:00Z");
export const at = (ms: number) => new Date(T0.getTime() + ms);
export const origin = { ip: "203.0.113.7", userAgent: "Mozilla/5.0 (Macintosh) Safari/605.1.15" };

/**
 * Formats virtual-clock times for people. A context's `now` carries its own
 * offset (`Z`, `+02:00`), and times read best in that offset, so the same test
 * prints the same times on every machine; without a `now` the local time is used.
 */
export function createClockFormatter(contextNow: string | undefined): (milliseconds: number) => string {
  const offsetMinutes = contextNow === undefined ? null : offsetOf(contextNow);
  return (milliseconds) => {
    const minutes = offsetMinutes ?? -new Date(milliseconds).getTimezoneOffset();
    const shifted = new Date(milliseconds + minutes * 60_000);
    const hours = String(shifted.getUTCHours()).padStart(2, "0");
    const minutesOfHour = String(shifted.getUTCMinutes()).padStart(2, "0");
    const seconds = shifted.getUTCSeconds();
    return seconds === 0
      ? `${hours}:${minutesOfHour}`
      : `${hours}:${minutesOfHour}:${String(seconds).padStart(2, "0")}`;
  };
}

function offsetOf(isoTime: string): number {
  const match = /([+-])(\d{2}):?(\d{2})$/.exec(isoTime);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === "-" ? -minutes : minutes;
}

/** A clock a test moves by hand: `now` is what services are given, `advance` moves it forward. */
export interface TestClock {
  now: () => Date;
  advance(minutes: number): void;
}

/** A clock starting at 09:00 Beijing time on a working day. */
export function testClock(start = new Date('2026-03-02T09:00:00+08:00')): TestClock {
  let time = start.getTime();
  return {
    now: () => new Date(time),
    advance: (minutes) => {
      time += minutes * 60_000;
    },
  };
}

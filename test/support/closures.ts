/** A one-day, all-day, non-recurring closure of 2027 in SDK shape (`day`: "MM-DD"), as the closure-set tests declare it. */
export const allDayClosure = (closureName: string, day: string) => ({
  closureName,
  closureHourType: 'allDay',
  startTime: `2027-${day}T00:00`,
  endTime: `2027-${day}T23:59`,
  recurringFrequency: 'none',
});

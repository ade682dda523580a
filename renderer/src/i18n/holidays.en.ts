/** The supervisor's holiday calendar form (English). */
const holidaysEn = {
  holidays: {
    title: 'Holiday calendar',
    year: 'Year',
    yearPlaceholder: 'Choose a year',
    source: {
      loaded: 'The saved holidays of {year}',
      bundled: 'The State Council notice for {year} as bundled; edit and save to change it',
      blank: 'No holidays for {year} yet: enter them from the State Council notice',
    },
    periods: 'Holidays',
    name: 'Holiday',
    namePlaceholder: 'e.g. Spring Festival',
    range: 'Days off',
    from: 'From',
    to: 'To',
    addPeriod: 'Add a holiday',
    workdays: 'Make-up working days',
    workdaysHint: 'Saturdays or Sundays that are working days (调休)',
    workday: 'Working day',
    addWorkday: 'Add a make-up working day',
    remove: 'Remove',
    save: 'Save the {year} calendar',
    saved: 'Holidays of {year} saved: deadlines now count with them',
    fixErrors: 'Please correct the items marked in red first',
    unnamed: 'Holiday',
    summary: '{holidays} days off, {workdays} make-up working days',
    errors: {
      nameRequired: 'Enter the holiday’s name',
      nameTooLong: 'The name may have at most {n} characters',
      rangeRequired: 'Choose the first and last day off',
      outsideYear: 'The date must be in {year}',
      reversed: 'The last day cannot come before the first',
      overlap: 'Overlaps “{name}”',
      dateRequired: 'Choose a date',
      duplicate: 'This day is already listed',
      workdayInHoliday: 'This day is a day off: it cannot be a working day too',
      notWeekend:
        'A make-up working day is a Saturday or Sunday (weekdays are working days anyway)',
      empty: 'Add at least one holiday or make-up working day',
    },
  },
};

export default holidaysEn;

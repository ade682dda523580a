/** Empty states of charts and tables (English): what is missing and what would fill it. */
const emptyEn = {
  empty: {
    title: 'No data',
    hint: {
      range: 'Nothing recorded in the chosen range: change the range above',
      warnings: 'No open applications: once some are accepted, their warning levels show here',
      attainment: 'No application in the range has reached its deadline or been finished',
      overdue: 'No open application is past its deadline',
      repeats: 'No customer has come back about the same matter lately',
      measures: 'No tickets on the chosen days: change the dates above',
    },
  },
};

export default emptyEn;

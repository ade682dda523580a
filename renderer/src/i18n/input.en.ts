import type inputZhCN from './input.zh-CN';

/** Region list and ID card reader texts (English). */
const inputEn: typeof inputZhCN = {
  wholeNumber: {
    range: 'Enter a whole number from {min} to {max}',
  },
  region: {
    label: 'Province / city / district',
    placeholder: 'Choose province / city / district (type to search)',
    loading: 'Loading the region list…',
    failed: 'The region list could not be loaded; reload the page and try again',
    unmatched:
      'The old address "{text}" is not in the region list; choose the province, city and district again',
  },
  idCard: {
    read: 'Read ID card',
    reading: 'Reading the card…',
    filled: 'ID card read: {name}, {id}, {address}',
    filledShort: 'ID card read: {name}, {id}',
    manual: 'You can also type the details in',
  },
};

export default inputEn;

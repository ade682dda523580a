import type { Component } from 'vue';
import type { FieldKind } from '../../../../shared/catalogue/types';
import AddressField from './AddressField.vue';
import DateField from './DateField.vue';
import NumberField from './NumberField.vue';
import SelectField from './SelectField.vue';
import TextField from './TextField.vue';
import TransformerField from './TransformerField.vue';

/** Which input renders each catalogue field kind. A new kind fails to compile until mapped. */
export const FIELD_COMPONENTS: Record<FieldKind, Component> = {
  text: TextField,
  textarea: TextField,
  personName: TextField,
  orgName: TextField,
  idNumber: TextField,
  creditCode: TextField,
  mobile: TextField,
  accountNo: TextField,
  capacityKva: NumberField,
  capacityKw: NumberField,
  integer: NumberField,
  transformerKva: TransformerField,
  select: SelectField,
  date: DateField,
  address: AddressField,
};

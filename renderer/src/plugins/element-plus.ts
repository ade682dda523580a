import type { App, Component } from 'vue';
import {
  ElAlert,
  ElAutoResizer,
  ElButton,
  ElCard,
  ElCol,
  ElConfigProvider,
  ElContainer,
  ElDatePicker,
  ElDescriptions,
  ElDescriptionsItem,
  ElDialog,
  ElEmpty,
  ElForm,
  ElFormItem,
  ElHeader,
  ElInput,
  ElInputNumber,
  ElMain,
  ElMenu,
  ElMenuItem,
  ElOption,
  ElOptionGroup,
  ElRadioButton,
  ElStep,
  ElSteps,
  ElRadioGroup,
  ElResult,
  ElRow,
  ElSelect,
  ElSkeleton,
  ElTable,
  ElTableColumn,
  ElTableV2,
  ElTag,
  ElTimeline,
  ElTimelineItem,
  ElCheckbox,
  ElCheckboxGroup,
  ElTabPane,
  ElTabs,
} from 'element-plus';

/**
 * Only the Element Plus components the workbench uses: registering the whole library costs
 * about a second of script evaluation on a hall PC at every start. Add a component here when a
 * template starts using it (Vue warns "Failed to resolve component" otherwise).
 */
const COMPONENTS: Component[] = [
  ElAlert,
  ElAutoResizer,
  ElButton,
  ElCard,
  ElCol,
  ElConfigProvider,
  ElContainer,
  ElDatePicker,
  ElDescriptions,
  ElDescriptionsItem,
  ElDialog,
  ElEmpty,
  ElForm,
  ElFormItem,
  ElHeader,
  ElInput,
  ElInputNumber,
  ElMain,
  ElMenu,
  ElMenuItem,
  ElOption,
  ElOptionGroup,
  ElRadioButton,
  ElStep,
  ElSteps,
  ElRadioGroup,
  ElResult,
  ElRow,
  ElSelect,
  ElSkeleton,
  ElTable,
  ElTableColumn,
  ElTableV2,
  ElTag,
  ElTimeline,
  ElTimelineItem,
  ElCheckbox,
  ElCheckboxGroup,
  ElTabPane,
  ElTabs,
];

export function installElementPlus(app: App): void {
  // Registered by name: sub-components (ElOption, ElRadioButton…) have no-op install functions.
  for (const component of COMPONENTS) {
    const name = (component as { name?: string }).name;
    if (!name) throw new Error('Element Plus component without a name');
    app.component(name, component);
  }
}

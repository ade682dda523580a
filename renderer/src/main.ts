import './csp-config';
import { createApp } from 'vue';
import { createPinia } from 'pinia';
import ElementPlus from 'element-plus';
import 'element-plus/dist/index.css';
import './styles/app.css';
import App from './App.vue';
import { createAppRouter } from './router';
import { createAppI18n, isAppLocale, DEFAULT_LOCALE } from './i18n';
import { restoreLocale } from './i18n/persist';

const locale = restoreLocale();
const app = createApp(App);
app.use(createPinia());
app.use(createAppI18n(isAppLocale(locale) ? locale : DEFAULT_LOCALE));
app.use(createAppRouter());
// Element Plus's own texts follow the app locale through <el-config-provider> in App.vue.
app.use(ElementPlus);
app.mount('#app');

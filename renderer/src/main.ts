// First: the start-up call leaves before the other modules are evaluated.
import './api/start-bootstrap';
import { createApp } from 'vue';
import { createPinia } from 'pinia';
import 'element-plus/dist/index.css';
import './styles/app.css';
import App from './App.vue';
import { createAppRouter } from './router';
import { createAppI18n, isAppLocale, DEFAULT_LOCALE } from './i18n';
import { restoreLocale } from './i18n/persist';
import { installElementPlus } from './plugins/element-plus';
import { preloadFirstRoute } from './preload-first-route';

const locale = restoreLocale();
const app = createApp(App);
app.use(createPinia());
app.use(createAppI18n(isAppLocale(locale) ? locale : DEFAULT_LOCALE));
const router = createAppRouter();
preloadFirstRoute(router);
app.use(router);
// Element Plus's own texts follow the app locale through <el-config-provider> in App.vue.
installElementPlus(app);
app.mount('#app');

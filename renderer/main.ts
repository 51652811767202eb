import { createApp } from 'vue'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
import 'element-plus/dist/index.css'
import './styles/app.css'
import './print/fonts.css'
import App from './App.vue'
import { router } from './router'

const app = createApp(App).use(createPinia()).use(router).use(ElementPlus, { locale: zhCn })
// Mount once the first route is known: App decides from it whether this is a bare print document or the gated app.
void router
  .isReady()
  .catch(() => undefined)
  .then(() => app.mount('#app'))

import { mount } from 'svelte';
import '../../components/theme.css';
import App from './App.svelte';
import { startPageLanguage } from '../../lib/i18n/page';

void startPageLanguage().then(() => mount(App, { target: document.getElementById('app')! }));

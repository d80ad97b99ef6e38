import './warm-up';
import { mount } from 'svelte';
import '../../components/theme.css';
import { markOnce, POPUP_MARKS } from './perf-marks';
import App from './App.svelte';

markOnce(POPUP_MARKS.script);
mount(App, { target: document.getElementById('app')! });
markOnce(POPUP_MARKS.mounted);

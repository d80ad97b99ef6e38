import { mount } from 'svelte';
import '../../components/theme.css';
import App from './App.svelte';

mount(App, { target: document.getElementById('app')! });

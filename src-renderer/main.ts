import { mount } from 'svelte';
import App from './App.svelte';
import { AppStore } from './lib/app.svelte.ts';
import { getBridge } from './lib/bridge.ts';
import './styles/app.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app');

const { bridge, link } = getBridge();
export default mount(App, { target, props: { store: new AppStore(bridge, link) } });

import { mount } from 'svelte';
import App from './App.svelte';
import { AppStore } from './lib/app.svelte.ts';
import { getBridge } from './lib/bridge.ts';
import { appContext } from './lib/context.ts';
import './styles/app.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app');

const { bridge, link } = getBridge();
export default mount(App, { target, context: appContext(new AppStore(bridge, link)) });

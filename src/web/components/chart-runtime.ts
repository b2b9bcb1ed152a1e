// Chart.js with only the parts our charts use (bars and lines on category and linear axes),
// so the lazily loaded chunk stays small. Imported only by data-chart.tsx, on first render.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
);

export type { Chart };

export function createChart(canvas: HTMLCanvasElement, config: ChartConfiguration<'bar' | 'line'>): Chart {
  return new Chart(canvas, config);
}

import { TaskStatus, type StatusRenderer, type Task } from '@lit/task';

/**
 * Renders a task, showing the data the element was given (a server-rendered page's, on the server and in the
 * browser's first render) until the task has an answer of its own.
 */
export function renderGiven<A extends readonly unknown[], R>(task: Task<A, R>, given: R | undefined, renderers: StatusRenderer<R>): unknown {
  if (given !== undefined && task.status !== TaskStatus.COMPLETE && task.status !== TaskStatus.ERROR) return renderers.complete?.(given);
  return task.render(renderers);
}

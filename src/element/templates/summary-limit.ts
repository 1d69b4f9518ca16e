/**
 * How many entries the error summary lists before it offers a button for the rest: a server
 * answer can carry thousands of problems, and rendering (and focusing) a list that long takes
 * seconds. Every problem still shows on its field; the heading counts them all. Its own module:
 * the element's file needs the number, and not the summary (which loads on demand).
 */
export const SUMMARY_LIMIT = 100;

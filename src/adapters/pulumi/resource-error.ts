import { formatValuePath, type ValuePath } from '../../util/depth.js';

/**
 * A resource whose inputs the cloud's API refuses, where reading them anyway would misjudge the change (a binding's
 * subject of a kind Kubernetes does not take, read as a holder that cannot exist). It is broken input, as a manifest
 * with that value is a located error: it names the resource by URN and the property by path, and stops the check
 * rather than judging something the deployment cannot create. A front-end that names resources otherwise (Terraform
 * addresses and attributes) translates it.
 */
export class PulumiResourceError extends Error {
  constructor(
    readonly urn: string,
    /** The property path as the record holds it: `['subjects', 1, 'kind']`. */
    readonly path: ValuePath,
    readonly reason: string,
  ) {
    super(`${urn}: ${formatValuePath(path)} ${reason}`);
    this.name = new.target.name;
    // The policy SDK reports a failing policy with the error's `stack`: this is the user's input to fix, so it reads as
    // the one located line, without JavaScript frames.
    this.stack = `${this.name}: ${this.message}`;
  }
}

/// The CI files `samsyn init` writes. They are byte for byte the files in
/// Samsyn's own repository (`.github/workflows/pages.yml`, `.gitlab-ci.yml`),
/// which are linted by scripts/check-ci-templates.py; a test keeps them identical.
enum CITemplates {
    static let github = ##"""
        # Samsyn on GitHub: check the records in every pull request, and publish the
        # site on GitHub Pages from main.
        #
        # The same file works in two kinds of repository:
        #   - Samsyn's own repository (Package.swift at the top): samsyn is built from
        #     this checkout, and the example project in config/ and content/ is what
        #     gets checked and published.
        #   - A project created by `samsyn init` (config/, content/, schemas/, no
        #     Package.swift): samsyn is built from the repository named by the
        #     repository variable SAMSYN_REPOSITORY (owner/name) at SAMSYN_REF (a
        #     branch, tag or commit; default main). Set them under Settings → Secrets
        #     and variables → Actions → Variables.
        # Pages must be switched on once: Settings → Pages → Source: "GitHub Actions".
        # Samsyn's docs/publishing.md says all of this in Swedish.
        name: Samsyn

        on:
          pull_request:
          push:
            branches: [main]
          workflow_dispatch:

        # Reading the repository is all a job may do unless it asks for more below:
        # the check job runs code from the pull request.
        permissions:
          contents: read

        # Publishing runs one at a time and is never cancelled halfway (a newer push
        # waits, then publishes the newer site). A pull request's check is replaced by
        # the check of its next push.
        concurrency:
          group: ${{ github.workflow }}-${{ github.event_name == 'pull_request' && github.ref || 'pages' }}
          cancel-in-progress: ${{ github.event_name == 'pull_request' }}

        jobs:
          samsyn:
            name: ${{ github.event_name == 'pull_request' && 'Check the records' || 'Build the site' }}
            runs-on: ubuntu-latest
            timeout-minutes: 30
            # Why a container: the official swift:6.0 image holds the whole toolchain
            # (and git) at the version its tag names, needs no third-party setup
            # action, and is the same image anyone can run locally. A toolchain
            # preinstalled on ubuntu-latest would change whenever GitHub updates the
            # image, and with it Foundation, which the site's bytes go through.
            container: swift:6.0
            defaults:
              run:
                shell: bash
            steps:
              - name: Check out
                uses: actions/checkout@v6
                with:
                  # The whole history: the site's "last changed" date is the date of the
                  # last commit that touched config/ or content/, which a shallow clone
                  # would get wrong.
                  fetch-depth: 0
                  persist-credentials: false

              # Steps in a container run as root, but the checkout belongs to the
              # runner's user, so git refuses to read it ("dubious ownership"). samsyn
              # would then quietly fall back to file times for the "last changed" date,
              # and the date in the footer would be the day of the build.
              - name: Let git read the checkout
                run: |
                  git config --global --add safe.directory "$GITHUB_WORKSPACE"
                  git config --global --add safe.directory "$GITHUB_WORKSPACE/.samsyn-src"

              - name: Find Samsyn's source
                id: source
                env:
                  SAMSYN_REPOSITORY: ${{ vars.SAMSYN_REPOSITORY }}
                run: |
                  if [ -f Package.swift ]; then
                    echo "Package.swift is here: building samsyn from this checkout."
                    echo "dir=." >> "$GITHUB_OUTPUT"
                  elif [ -n "$SAMSYN_REPOSITORY" ]; then
                    echo "A data-only project: building samsyn from $SAMSYN_REPOSITORY."
                    echo "dir=.samsyn-src" >> "$GITHUB_OUTPUT"
                  else
                    echo "::error title=samsyn::There is no Package.swift here, and the repository variable SAMSYN_REPOSITORY is not set. Set it to the repository that holds Samsyn's source, for example owner/samsyn (Settings → Secrets and variables → Actions → Variables). A pull request from a fork does not get the repository's variables: make the change on a branch of this repository instead."
                    exit 1
                  fi

              # Into a hidden subfolder: samsyn reads only config/ and content/, and the
              # Pages artifact holds only site/, so the source never ends up anywhere.
              - name: Check out Samsyn's source
                if: steps.source.outputs.dir != '.'
                uses: actions/checkout@v6
                with:
                  repository: ${{ vars.SAMSYN_REPOSITORY }}
                  ref: ${{ vars.SAMSYN_REF || 'main' }}
                  path: .samsyn-src
                  persist-credentials: false

              # The key is git's own hash of Package.swift and Sources/: it changes
              # exactly when samsyn's code does, in both kinds of repository.
              - name: Compute the build cache key
                id: key
                env:
                  SAMSYN_DIR: ${{ steps.source.outputs.dir }}
                run: |
                  hash=$(git -C "$SAMSYN_DIR" rev-parse HEAD:Package.swift HEAD:Sources | sha256sum | cut -c1-16)
                  echo "hash=$hash" >> "$GITHUB_OUTPUT"

              # .build holds the fetched and compiled dependencies, which is most of a
              # cold build's time. With an older cache (the restore key) SwiftPM
              # rebuilds only what changed.
              - name: Cache .build
                uses: actions/cache@v5
                with:
                  path: ${{ steps.source.outputs.dir }}/.build
                  key: samsyn-build-swift-6.0-${{ steps.key.outputs.hash }}
                  restore-keys: samsyn-build-swift-6.0-

              # libyaml is the YAML parser samsyn reads every file with (through its
              # C API); the swift image has the compiler but not this library.
              - name: Install libyaml
                run: |
                  apt-get update -qq
                  apt-get install -y -qq --no-install-recommends libyaml-dev

              - name: Build samsyn
                env:
                  SAMSYN_DIR: ${{ steps.source.outputs.dir }}
                run: |
                  swift build -c release --package-path "$SAMSYN_DIR"
                  swift build -c release --package-path "$SAMSYN_DIR" --show-bin-path >> "$GITHUB_PATH"

              # Every error and warning becomes an annotation on its line in the pull
              # request's "Files changed". Errors fail the check; warnings do not. To
              # make warnings block the merge too, add --strict:
              #   samsyn check --root . --format github --strict
              - name: Check the records
                if: github.event_name == 'pull_request'
                run: samsyn check --root . --format github

              # --as-of is the commit's own date, not the day the job runs: building the
              # same commit again gives the same site, byte for byte, and the indicators
              # are computed as of the day the data was committed.
              - name: Build the site
                if: github.event_name != 'pull_request'
                run: |
                  as_of=$(git log -1 --format=%cs)
                  echo "Building the site as of $as_of, the date of commit $GITHUB_SHA."
                  samsyn build --root . --as-of "$as_of" --format github

              - name: Upload the site for GitHub Pages
                if: github.event_name != 'pull_request'
                uses: actions/upload-pages-artifact@v5
                with:
                  path: site

          deploy:
            name: Publish on GitHub Pages
            if: github.event_name != 'pull_request'
            needs: samsyn
            runs-on: ubuntu-latest
            timeout-minutes: 10
            # Only this job, which runs no code from the repository, may publish.
            permissions:
              pages: write      # to deploy to GitHub Pages
              id-token: write   # to prove to Pages that the deployment comes from this workflow
            environment:
              name: github-pages
              url: ${{ steps.deployment.outputs.page_url }}
            steps:
              # Fails with a clear message when Pages is not switched on with
              # "GitHub Actions" as its source.
              - name: Configure GitHub Pages
                uses: actions/configure-pages@v6

              - name: Deploy
                id: deployment
                uses: actions/deploy-pages@v5

        """##

    static let gitlab = ##"""
        # Samsyn on GitLab: check the records in every merge request, and publish the
        # site on GitLab Pages from the default branch.
        #
        # The same file works in two kinds of repository, like the GitHub workflow:
        #   - Samsyn's own repository (Package.swift at the top): samsyn is built from
        #     this checkout.
        #   - A project created by `samsyn init` (no Package.swift): samsyn is built
        #     from the repository in the CI/CD variable SAMSYN_REPOSITORY at SAMSYN_REF
        #     (a branch, tag or commit; default main). SAMSYN_REPOSITORY is a clone
        #     address such as https://gitlab.com/group/samsyn.git; a bare owner/name
        #     means https://github.com/owner/name.git. Set it under Settings → CI/CD →
        #     Variables.
        # Samsyn's docs/publishing.md says all of this in Swedish.

        stages:
          - test
          - deploy

        default:
          # The official Swift image: the whole toolchain (and git) at the version its
          # tag names, the same one the GitHub workflow uses.
          image: swift:6.0

        variables:
          SAMSYN_REF: main

        # What both jobs share: obtain samsyn's source, build it, put it on PATH.
        .samsyn:
          # .build holds the fetched and compiled dependencies, most of a cold build's
          # time; SwiftPM rebuilds only what changed since the cached build.
          cache:
            key: samsyn-build-swift-6.0
            paths:
              - .build/
              - .samsyn-src/.build/
          before_script:
            # Let git read the checkout whoever owns it: samsyn reads the "last
            # changed" date from git and would otherwise fall back to file times.
            - git config --global --add safe.directory "$CI_PROJECT_DIR"
            # libyaml is the YAML parser samsyn reads every file with (through its C
            # API); the swift image has the compiler but not this library.
            - apt-get update -qq && apt-get install -y -qq --no-install-recommends libyaml-dev
            - |
              if [ -f Package.swift ]; then
                echo "Package.swift is here: building samsyn from this checkout."
                samsyn_dir=.
              elif [ -n "${SAMSYN_REPOSITORY:-}" ]; then
                case "$SAMSYN_REPOSITORY" in
                  *://*|git@*) samsyn_url=$SAMSYN_REPOSITORY ;;
                  *) samsyn_url="https://github.com/$SAMSYN_REPOSITORY.git" ;;
                esac
                echo "A data-only project: building samsyn from $samsyn_url at $SAMSYN_REF."
                # init + fetch rather than clone: the folder may already hold the
                # cached .build, and fetch accepts a commit as well as a branch or tag.
                samsyn_dir=.samsyn-src
                git init --quiet "$samsyn_dir"
                git -C "$samsyn_dir" fetch --quiet --depth 1 "$samsyn_url" "$SAMSYN_REF"
                git -C "$samsyn_dir" checkout --quiet --force FETCH_HEAD
              else
                echo "There is no Package.swift here, and the CI/CD variable SAMSYN_REPOSITORY is not set."
                echo "Set it to the clone address of Samsyn's source (Settings → CI/CD → Variables)."
                exit 1
              fi
            - swift build -c release --package-path "$samsyn_dir"
            - PATH="$(swift build -c release --package-path "$samsyn_dir" --show-bin-path):$PATH"

        # In every merge request. GitLab has no annotations like GitHub's; the plain
        # text output (file:line:column: error: message) is in the job log, and errors
        # fail the pipeline. To make warnings block the merge too:
        #   samsyn check --root . --strict
        check:
          stage: test
          extends: .samsyn
          rules:
            - if: $CI_PIPELINE_SOURCE == "merge_request_event"
          script:
            - samsyn check --root .

        # GitLab Pages publishes the artifact folder public/ of the job named pages.
        pages:
          stage: deploy
          extends: .samsyn
          rules:
            - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
          variables:
            # The whole history: the site's "last changed" date is the date of the last
            # commit that touched config/ or content/.
            GIT_DEPTH: "0"
          script:
            # GitLab may reuse a shallow clone from an earlier job despite GIT_DEPTH.
            - if [ "$(git rev-parse --is-shallow-repository)" = true ]; then git fetch --quiet --unshallow; fi
            # --as-of is the commit's own date, not the day the job runs: building the
            # same commit again gives the same site, byte for byte.
            - as_of=$(git log -1 --format=%cs)
            - echo "Building the site as of $as_of, the date of commit $CI_COMMIT_SHORT_SHA."
            # public/ must not exist beforehand: samsyn refuses to write into a folder
            # holding files it did not create (a fresh checkout has none).
            - samsyn build --root . --as-of "$as_of" --output public
          artifacts:
            paths:
              - public

        """##
}

#pragma once

class QLabel;
class QPalette;

namespace plein::app::charactercounter {

// What a composer's counter says with `left` characters left of its limit: nothing far from the
// limit (it shows from `threshold` left), near it how many are left, past it how many are too
// many, in red on `palette`.
void update(QLabel& counter, int left, int threshold, const QPalette& palette);

} // namespace plein::app::charactercounter
